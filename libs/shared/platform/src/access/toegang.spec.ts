import { vastOrganisatieRegister } from './organisatie-register';
import { Toegang } from './toegang';

describe('Toegang.ontvangerType', () => {
  const toegang = new Toegang(vastOrganisatieRegister({ 'ggz-oost': 'ggz' }));

  it("answers the registry's type whether or not the request states one", async () => {
    await expect(toegang.ontvangerType({ organisatie: 'ggz-oost' }, 'ontvanger')).resolves.toBe('ggz');
    await expect(toegang.ontvangerType({ organisatie: 'ggz-oost', type: 'ggz' }, 'ontvanger')).resolves.toBe('ggz');
  });

  it('refuses a stated type the registry does not hold for the organisation, naming the field', async () => {
    await expect(toegang.ontvangerType({ organisatie: 'ggz-oost', type: 'wijkteam' }, 'ontvanger')).rejects.toMatchObject({
      kind: 'validation',
      code: 'TOEGANG.ORGANISATIETYPE_ONJUIST',
      fields: { 'ontvanger.type': 'does not match the organisation registry' },
    });
    await expect(toegang.ontvangerType({ organisatie: 'onbekend' }, 'ontvanger')).rejects.toMatchObject({ code: 'TOEGANG.ORGANISATIE_ONBEKEND' });
  });
});
