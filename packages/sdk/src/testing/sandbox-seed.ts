import type { HostRecord } from '../host/host-models.js';

/** Demo master data in the host's own shapes: strings everywhere, comma decimals for materials, dots for hour types. */
export function seedRecords(): Record<string, HostRecord[]> {
  return {
    relations: [
      {
        name: 'Bakkerij De Vries', debtor_number: 'D1001', contact: 'J. de Vries', phone_number: '030-1234567',
        email: 'info@devries.example', email_workorder: null, street: 'Kerkstraat', house_number: '12',
        postal_code: '3511AB', city: 'Utrecht', remark: '', latitude: '52.090737', longitude: '5.121420',
      },
      {
        name: 'Zorgcentrum De Linde', debtor_number: 'D1002', contact: 'M. Jansen', phone_number: '020-7654321',
        email: 'facilitair@delinde.example', email_workorder: null, street: 'Lindelaan', house_number: '4',
        postal_code: '1071AA', city: 'Amsterdam', remark: '', latitude: null, longitude: null,
      },
      {
        name: 'Basisschool Het Anker', debtor_number: 'D1003', contact: 'P. Bakker', phone_number: '010-5550000',
        email: 'conciërge@hetanker.example', email_workorder: null, street: 'Havenweg', house_number: '88',
        postal_code: '3011XZ', city: 'Rotterdam', remark: '', latitude: null, longitude: null,
      },
    ],
    objects: [
      {
        obj_code: 'CV-KETEL-88', obj_debiteur_nummer: 'D1001', obj_description: 'Cv-ketel bakkerij',
        obj_type: 'Cv-ketel', obj_brand: 'Remeha', obj_model: 'Calenta Ace 40', obj_serialnumber: 'RM-2019-8812',
        obj_price: '2450.00', obj_date_installation: '2019-04-01', obj_created: '2019-04-01 10:00:00',
        obj_modified: '2024-11-02 09:12:44',
      },
      {
        obj_code: 'LIFT-7', obj_debiteur_nummer: 'D1002', obj_description: 'Personenlift vleugel B', obj_type: 'Lift',
        obj_brand: 'Kone', obj_model: 'MonoSpace 500', obj_serialnumber: 'KN-77-2231', obj_price: '48000.00',
        obj_date_installation: '2016-09-15', obj_created: '2016-09-15 08:00:00', obj_modified: '2025-01-10 14:30:00',
      },
      {
        obj_code: 'BMI-ANKER', obj_debiteur_nummer: 'D1003', obj_description: 'Brandmeldinstallatie', obj_type: 'BMI',
        obj_brand: 'Siemens', obj_model: 'FC2060', obj_serialnumber: 'SI-5521', obj_price: '12500.00',
        obj_date_installation: '2021-02-01', obj_created: '2021-02-01 08:00:00', obj_modified: '2021-02-01 08:00:00',
      },
    ],
    employees: [
      { firstname: 'Sanne', lastname: 'de Boer', number: '17', active: '1', email: 'sanne@example.com' },
      { firstname: 'Ahmed', lastname: 'El Amrani', number: '18', active: '1', email: 'ahmed@example.com' },
      { firstname: 'Kees', lastname: 'Visser', number: '19', active: '0', email: 'kees@example.com' },
    ],
    hourtypes: [
      {
        code: '001', name: 'Normaal', cost_booking: '1', sale_booking: '1', sale_price: '65.00', cost_price: '42.50',
        active: '1',
      },
      {
        code: '002', name: 'Overwerk', cost_booking: '1', sale_booking: '1', sale_price: '97.50', cost_price: '55.00',
        active: '1',
      },
    ],
    materials: [
      { code: 'FLT-10', description: 'Filter', price: '12,50', unit: 'stuk' },
      { code: 'PAK-3', description: 'Pakking 3/4"', price: '4,55', unit: 'stuk' },
      { code: 'KAB-1', description: 'Kabel per meter', price: '1,95', unit: 'm' },
    ],
    priorities: [
      { code: 'HOOG', description: 'Hoog', app_enabled: '1' },
      { code: 'NORMAAL', description: 'Normaal', app_enabled: '1' },
    ],
    workstatusses: [
      { sta_code: 'ONDERWEG', sta_name: 'Onderweg' },
      { sta_code: 'WACHT', sta_name: 'Wacht op klant' },
    ],
    worktypes: [
      { wrt_name: 'Onderhoud', wrt_description: 'Periodiek onderhoud', wrt_default_minutes: '60', wrt_active: '1' },
      { wrt_name: 'Storing', wrt_description: 'Storing verhelpen', wrt_default_minutes: '90', wrt_active: '1' },
    ],
    hours: [],
  };
}
