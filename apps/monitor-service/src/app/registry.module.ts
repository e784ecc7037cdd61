import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ORGANISATIE_REPOSITORY, OrganisatieRegisterService, STUURGROEP_REPOSITORY } from '@ketenregie/monitoring-application';
import { TypeOrmOrganisatieRepository, TypeOrmStuurgroepRepository } from '@ketenregie/monitoring-data-access';

/** The registry use cases wired to their TypeORM repositories (needs `DatabaseModule`). */
@Module({
  providers: [
    OrganisatieRegisterService,
    { provide: ORGANISATIE_REPOSITORY, useFactory: (ds: DataSource) => new TypeOrmOrganisatieRepository(ds), inject: [DataSource] },
    { provide: STUURGROEP_REPOSITORY, useFactory: (ds: DataSource) => new TypeOrmStuurgroepRepository(ds), inject: [DataSource] },
  ],
  exports: [OrganisatieRegisterService],
})
export class RegistryModule {}
