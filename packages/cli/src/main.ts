import { Command, CommanderError, Option } from 'commander';
import { EXIT_INPUT, UserError } from './errors.js';
import type { ExportCommandOptions } from './commands/export.js';

/**
 * The `fiw` command. Each subcommand's module is imported only when it runs,
 * so `fiw check` does not pay for the server or the database at start-up.
 */
const program = new Command('fiw')
  .description('Freedom in the World ratings: score, check, report, store, serve.')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

const formatOption = (choices: string[], fallback: string) =>
  new Option('--format <format>', 'output format').choices(choices).default(fallback);

program
  .command('score')
  .description(
    'recompute every derived figure of a CSV, XLSX or JSON file in a Freedom House layout and print it with the Freedom Rating',
  )
  .argument('<file>', 'input file, or - for stdin')
  .addOption(formatOption(['csv', 'json'], 'csv'))
  .action(async (file: string, opts: { format: 'csv' | 'json' }) => {
    const { scoreCommand } = await import('./commands/score.js');
    process.exitCode = await scoreCommand(file, opts);
  });

program
  .command('check')
  .description('recompute and list every figure the file states differently (exit 1 if any)')
  .argument('<file>', 'input file, or - for stdin')
  .addOption(formatOption(['text', 'json'], 'text'))
  .action(async (file: string, opts: { format: 'text' | 'json' }) => {
    const { checkCommand } = await import('./commands/check.js');
    process.exitCode = await checkCommand(file, opts);
  });

program
  .command('explain')
  .description('explain each assessment: the band of each aggregate and the distance to the next rating and status')
  .argument('<file>', 'input file, or - for stdin')
  .option('--entity <name>', 'only this entity')
  .option('--edition <edition>', 'only this edition')
  .addOption(formatOption(['text', 'json'], 'text'))
  .action(async (file: string, opts: { format: 'text' | 'json'; entity?: string; edition?: string }) => {
    const { explainCommand } = await import('./commands/explain.js');
    process.exitCode = await explainCommand(file, opts);
  });

const methodology = program.command('methodology').description('the rules of each edition');
methodology
  .command('show')
  .description('print the rules in force for an edition (default: the latest)')
  .argument('[edition]', 'edition, e.g. 2014 or 1983-84')
  .addOption(formatOption(['text', 'json'], 'text'))
  .action(async (edition: string | undefined, opts: { format: 'text' | 'json' }) => {
    const { methodologyShowCommand } = await import('./commands/methodology.js');
    process.exitCode = methodologyShowCommand(edition, opts);
  });
methodology
  .command('list')
  .description('list every edition with its label and period under review')
  .addOption(formatOption(['text', 'json'], 'text'))
  .action(async (opts: { format: 'text' | 'json' }) => {
    const { methodologyListCommand } = await import('./commands/methodology.js');
    process.exitCode = methodologyListCommand(opts);
  });

const dbOption = () =>
  new Option('--db <path|url>', 'SQLite file or postgres:// URL (default: $DATABASE_URL, else ./data/freedom.db)');

const dbCommand = program.command('db').description('the database: schema and migrations');
dbCommand
  .command('migrate')
  .description('bring the database schema up to date (creates the SQLite file if needed)')
  .addOption(dbOption())
  .action(async (opts: { db?: string }) => {
    const { dbMigrateCommand } = await import('./commands/db.js');
    process.exitCode = await dbMigrateCommand(opts);
  });

program
  .command('import')
  .description(
    "import FH's spreadsheets (indicators, subcategories, ratings and statuses), the narrative JSON Lines file or our JSON, all files in one transaction",
  )
  .argument('<files...>', 'CSV, XLSX, JSON or JSON Lines files')
  .addOption(dbOption())
  .option('--as-draft', 'import into draft assessments of open editions instead of publishing')
  .addOption(formatOption(['text', 'json'], 'text'))
  .action(async (files: string[], opts: { db?: string; asDraft?: boolean; format: 'text' | 'json' }) => {
    const { importCommand } = await import('./commands/import.js');
    process.exitCode = await importCommand(files, opts);
  });

program
  .command('export')
  .description(
    "export published data: CSV in FH's layouts, XLSX with every layout, our JSON, or a Frictionless data package",
  )
  .addOption(
    new Option('--format <format>', 'output format').choices(['csv', 'xlsx', 'json', 'datapackage']).default('csv'),
  )
  .option('--edition <edition>', 'one edition, e.g. 2014 or 1983-84 (default: all published editions)')
  .option('--out <path>', 'output file (a directory for datapackage); default stdout')
  .addOption(
    new Option('--layout <layout>', 'CSV layout: FH indicator file, subcategory file, or ratings and statuses').choices(
      ['indicators', 'subcategories', 'ratings'],
    ),
  )
  .addOption(
    new Option('--kind <kind>', 'ratings layout: countries or territories (FH keeps them apart)').choices([
      'country',
      'territory',
    ]),
  )
  .addOption(dbOption())
  .action(async (opts: ExportCommandOptions) => {
    const { exportCommand } = await import('./commands/export.js');
    process.exitCode = await exportCommand(opts);
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // Help and version are "errors" to commander; they are successes to us.
    process.exitCode = e.exitCode === 0 ? 0 : EXIT_INPUT;
  } else if (e instanceof UserError) {
    process.stderr.write(`fiw: ${e.message}\n`);
    process.exitCode = e.exitCode;
  } else {
    process.stderr.write(`fiw: internal error: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 70;
  }
}
