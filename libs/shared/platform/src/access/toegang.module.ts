import { DynamicModule, Module } from '@nestjs/common';
import { HttpOrganisatieRegister, ORGANISATIE_REGISTER, OrganisatieRegister } from './organisatie-register';
import { Toegang } from './toegang';

/** Where the organisation registry is: monitor-service's URL, or the register itself (monitor-service, tests). */
export type ToegangOptions = { readonly monitorServiceUrl: string } | { readonly register: OrganisatieRegister };

/** Provides {@link Toegang} and the {@link OrganisatieRegister} it reads organisation types from, to the whole app. */
@Module({})
export class ToegangModule {
  static forRoot(options: ToegangOptions): DynamicModule {
    const register = 'register' in options ? options.register : new HttpOrganisatieRegister(options.monitorServiceUrl);
    return {
      module: ToegangModule,
      global: true,
      providers: [{ provide: ORGANISATIE_REGISTER, useValue: register }, Toegang],
      exports: [ORGANISATIE_REGISTER, Toegang],
    };
  }
}
