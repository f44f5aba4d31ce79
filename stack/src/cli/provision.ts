/**
 * Provisions the embedded stack's binaries without starting anything (used by CI and handy
 * before going offline): the Temporal CLI, and FerretDB when no mongod can be had; with
 * `--tests`, also stripe-mock, which only the tests run.
 */
import { SetupError } from '../errors.js';
import { resolveFerretDb } from '../store/ferretdb.js';
import { resolveStripeMock } from '../stripe-mock/stripe-mock.js';
import { resolveTemporalCli } from '../temporal/binary.js';

try {
  const temporal = await resolveTemporalCli();
  process.stdout.write(`Temporal CLI: ${temporal.path} (${temporal.source})\n`);
  if (!process.env.MONGODB_URI && process.env.GUILDFLOW_STORE !== 'mongodb') {
    process.stdout.write(`FerretDB: ${await resolveFerretDb()}\n`);
  }
  if (process.argv.includes('--tests'))
    process.stdout.write(`stripe-mock: ${await resolveStripeMock()}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof SetupError ? error.message : String(error)}\n`);
  process.exit(1);
}
