import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import schema from './service.schema.json' with { type: 'json' };

/**
 * Validation of an HSDS 3.0 service against Open Referral's own schema (service.schema.json here,
 * CC BY-SA 4.0, see README.md). The compiled schemas carry no `$schema` and descriptive keywords of
 * their own (`datapackage_type`, `constraints` …), hence `strict: false`; `csv` is a format they name
 * for tabular exchange that says nothing about JSON values.
 */
let compiled: ValidateFunction | undefined;

/** The schema compiled the first time a service is checked, not when the server starts. */
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addFormat('csv', true);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

export interface SchemaError {
  /** JSON pointer inside the service, e.g. `/schedules/0/freq` */
  path: string;
  message: string;
}

/** The schema errors of one service (empty when it is a valid HSDS 3.0 service). */
export function hsdsServiceErrors(service: unknown): SchemaError[] {
  const validate = validator();
  if (validate(service)) return [];
  return (validate.errors ?? []).slice(0, 20).map((e: ErrorObject) => ({
    path: e.instancePath || '/',
    message: e.message ?? 'invalid',
  }));
}
