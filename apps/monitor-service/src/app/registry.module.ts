import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CONVENANT_REPOSITORY, ORGANISATIE_REPOSITORY, OrganisatieRegisterService, STUURGROEP_REPOSITORY } from '@ketenregie/monitoring-application';
import { SqlConvenantRepository, SqlOrganisatieRepository, SqlStuurgroepRepository } from '@ketenregie/monitoring-data-access';
import { ORGANISATIE_REGISTER, Toegang } from '@ketenregie/shared-platform';
import type { OrganisatieRegister } from '@ketenregie/shared-platform';

/**
 * The registry use cases wired to their TypeORM repositories (needs `DatabaseModule`), and the
 * access policy reading organisation types from this registry in-process.
 */
@Module({
  providers: [
    OrganisatieRegisterService,
    {
      provide: ORGANISATIE_REGISTER,
      useFactory: (register: OrganisatieRegisterService): OrganisatieRegister => ({
        typeVan: async (id) => (await register.list()).find((o) => o.id === id)?.type,
      }),
      inject: [OrganisatieRegisterService],
    },
    Toegang,
    { provide: ORGANISATIE_REPOSITORY, useFactory: (ds: DataSource) => new SqlOrganisatieRepository(ds), inject: [DataSource] },
    { provide: STUURGROEP_REPOSITORY, useFactory: (ds: DataSource) => new SqlStuurgroepRepository(ds), inject: [DataSource] },
    { provide: CONVENANT_REPOSITORY, useFactory: (ds: DataSource) => new SqlConvenantRepository(ds), inject: [DataSource] },
  ],
  exports: [OrganisatieRegisterService, Toegang, STUURGROEP_REPOSITORY, CONVENANT_REPOSITORY],
})
export class RegistryModule {}
