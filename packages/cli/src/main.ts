import { Command, CommanderError, Option } from 'commander';
import { EXIT_INPUT, UserError } from './errors.js';
import type { ExportCommandOptions } from './commands/export.js';
import type { ReportBuildOptions } from './commands/report-build.js';

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
    'recompute every derived figure of a CSV, XLSX, ODS or JSON file in a Freedom House layout and print it with the Freedom Rating',
  )
  .argument('<file>', 'input file, or - for stdin')
  .addOption(formatOption(['csv', 'json'], 'csv'))
  .option(
    '--methodology <file>',
    'score with this methodology file (any categories and scales) instead of the built-in rules of each edition',
  )
  .action(async (file: string, opts: { format: 'csv' | 'json'; methodology?: string }) => {
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

const methodology = program.command('methodology').description('the rules of each edition, as methodology files');
const methodologyDbOption = () =>
  new Option('--db [path|url]', 'the database (default: $DATABASE_URL, else ./data/freedom.db)');
methodology
  .command('show')
  .description('print the rules in force for an edition (default: the latest); as JSON, exactly a methodology file')
  .argument('[edition]', 'edition, e.g. 2014 or 1983-84')
  .addOption(formatOption(['text', 'json'], 'text'))
  .addOption(methodologyDbOption())
  .action(async (edition: string | undefined, opts: { format: 'text' | 'json'; db?: string | true }) => {
    const { methodologyShowCommand } = await import('./commands/methodology.js');
    process.exitCode = await methodologyShowCommand(edition, opts);
  });
methodology
  .command('list')
  .description('list every edition with its label, period under review and methodology')
  .addOption(formatOption(['text', 'json'], 'text'))
  .action(async (opts: { format: 'text' | 'json' }) => {
    const { methodologyListCommand } = await import('./commands/methodology.js');
    process.exitCode = methodologyListCommand(opts);
  });
methodology
  .command('validate')
  .description('check a methodology file: every problem with its JSON path (exit 2 when invalid)')
  .argument('<file>', 'methodology JSON file')
  .addOption(formatOption(['text', 'json'], 'text'))
  .action(async (file: string, opts: { format: 'text' | 'json' }) => {
    const { methodologyValidateCommand } = await import('./commands/methodology.js');
    process.exitCode = await methodologyValidateCommand(file, opts);
  });
methodology
  .command('load')
  .description('store a methodology file in the database (a version in use by a published edition is never changed)')
  .argument('<file>', 'methodology JSON file')
  .addOption(methodologyDbOption())
  .action(async (file: string, opts: { db?: string | true }) => {
    const { methodologyLoadCommand } = await import('./commands/methodology.js');
    process.exitCode = await methodologyLoadCommand(file, opts);
  });
methodology
  .command('new')
  .description("make a new edition's methodology as a copy of an earlier edition's (printed, --out FILE, or --db)")
  .argument('<edition>', 'the new edition, e.g. 2027')
  .requiredOption('--from <edition>', 'the edition whose rules to copy, e.g. 2026')
  .option('--id <id>', 'the new methodology id (default: the source id with the new edition, e.g. fiw-2027)')
  .option('--out <file>', 'write the file here')
  .addOption(methodologyDbOption())
  .action(async (edition: string, opts: { from: string; id?: string; out?: string; db?: string | true }) => {
    const { methodologyNewCommand } = await import('./commands/methodology.js');
    process.exitCode = await methodologyNewCommand(edition, opts);
  });

const report = program.command('report').description('country reports: read, render, check and build them');
const layoutOption = () =>
  new Option('--layout <layout>', "era's layout (default: the edition's own)").choices(['2014', '2018', '2020']);
report
  .command('parse')
  .description('read a report (any era, as text, Markdown or HTML) and print it as report JSON')
  .argument('<file>', 'report file, or - for stdin')
  .action(async (file: string) => {
    const { reportParseCommand } = await import('./commands/report-parse.js');
    process.exitCode = await reportParseCommand(file);
  });
report
  .command('render')
  .description('render report JSON (what parse prints) in an era’s layout')
  .argument('<file>', 'report JSON (or a report text), or - for stdin')
  .addOption(layoutOption())
  .addOption(formatOption(['text', 'md', 'html'], 'text'))
  .action(async (file: string, opts: { layout?: '2014' | '2018' | '2020'; format: 'text' | 'md' | 'html' }) => {
    const { reportRenderCommand } = await import('./commands/report-render.js');
    process.exitCode = await reportRenderCommand(file, opts);
  });
report
  .command('check')
  .description("check a report's arithmetic, ratings, status and trend arrow (exit 1 on any finding)")
  .argument('<file>', 'report text, Markdown, HTML or JSON, or - for stdin')
  .addOption(formatOption(['text', 'json'], 'text'))
  .action(async (file: string, opts: { format: 'text' | 'json' }) => {
    const { reportCheckCommand } = await import('./commands/report-check.js');
    process.exitCode = await reportCheckCommand(file, opts);
  });
report
  .command('build')
  .description('assemble a full report from published scores and the narrative JSON Lines file')
  .requiredOption('--scores <file>', 'scores: either FH spreadsheet (CSV, XLSX or ODS) or our JSON')
  .requiredOption('--texts <file>', 'narrative JSON Lines, e.g. ../shared/data/fh_country_rating_text.jsonl')
  .option('--entity <name>', 'country or territory, in any known spelling (required without --out)')
  .option('--edition <year>', 'edition, e.g. 2020 (required without --out)')
  .option('--out <dir>', 'build every country-edition of the narrative file (or those selected) into this directory')
  .addOption(layoutOption())
  .addOption(formatOption(['json', 'text', 'md', 'html'], 'json'))
  .action(async (opts: ReportBuildOptions) => {
    const { reportBuildCommand } = await import('./commands/report-build.js');
    process.exitCode = await reportBuildCommand(opts);
  });

const dbOption = () =>
  new Option('--db <path|url>', 'SQLite file or postgres:// URL (default: $DATABASE_URL, else ./data/freedom.db)');

const dbCommand = program
  .command('db')
  .description('the database: schema, migrations and the bundled published figures');
dbCommand
  .command('migrate')
  .description('bring the database schema up to date (creates the SQLite file if needed)')
  .addOption(dbOption())
  .action(async (opts: { db?: string }) => {
    const { dbMigrateCommand } = await import('./commands/db.js');
    process.exitCode = await dbMigrateCommand(opts);
  });
dbCommand
  .command('seed')
  .description(
    "load Freedom House's published figures (FIW 1973–2025, bundled) as published editions; already loaded, nothing changes",
  )
  .addOption(dbOption())
  .action(async (opts: { db?: string }) => {
    const { dbSeedCommand } = await import('./commands/seed.js');
    process.exitCode = await dbSeedCommand(opts);
  });

program
  .command('import')
  .description(
    "import FH's spreadsheets (indicators, subcategories, ratings and statuses), the narrative JSON Lines file or our JSON, all files in one transaction",
  )
  .argument('<files...>', 'CSV, XLSX, ODS, JSON or JSON Lines files')
  .addOption(dbOption())
  .option('--as-draft', 'import into draft assessments of open editions instead of publishing')
  .option(
    '--accept-computed',
    'where a file states a figure that differs from the one computed from the scores, store the scores anyway (without it: exit 1, nothing stored)',
  )
  .option(
    '--add-unknown',
    'add names the registry does not know as new entities (kind and region from the file), in the same transaction',
  )
  .option(
    '--correct',
    'allow changes to values of published editions: each gets a new release, each changed value an errata entry (needs --reason)',
  )
  .option('--reason <text>', 'why the published values change, for the errata log (with --correct)')
  .addOption(formatOption(['text', 'json'], 'text'))
  .action(
    async (
      files: string[],
      opts: {
        db?: string;
        asDraft?: boolean;
        acceptComputed?: boolean;
        addUnknown?: boolean;
        correct?: boolean;
        reason?: string;
        format: 'text' | 'json';
      },
    ) => {
      const { importCommand } = await import('./commands/import.js');
      process.exitCode = await importCommand(files, opts);
    },
  );

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

program
  .command('serve')
  .description('migrate the database, then serve the API (and the web app) until SIGTERM or Ctrl-C')
  .option('--port <port>', 'TCP port', process.env.PORT ?? '8080')
  .option('--host <host>', 'address to listen on (0.0.0.0 for all interfaces)', '127.0.0.1')
  .option('--static <dir>', "directory of the web app's build (default: the checkout's packages/web/build when built)")
  .option('--empty', "start a new database empty instead of loading Freedom House's published figures")
  .addOption(dbOption())
  .action(async (opts: { port: string; host: string; static?: string; db?: string; empty?: boolean }) => {
    const { serveCommand } = await import('./commands/serve.js');
    process.exitCode = await serveCommand(opts);
  });

const userCommand = program.command('user').description('studio users');
userCommand
  .command('add')
  .description('create a user and print a one-time password')
  .requiredOption('--email <email>', 'sign-in email')
  .requiredOption('--role <role>', 'admin, editor, reviewer or analyst')
  .option('--name <name>', 'display name (default: the part of the email before @)')
  .addOption(dbOption())
  .action(async (opts: { email: string; role: string; name?: string; db?: string }) => {
    const { userAddCommand } = await import('./commands/user.js');
    process.exitCode = await userAddCommand(opts);
  });

const entityCommand = program
  .command('entity')
  .description('the entity registry: countries and territories, their names, codes, regions and successions');
entityCommand
  .command('list')
  .description('every entity in the registry (built-in and added), and the successions between them')
  .option('--added', 'only entities added to this database')
  .addOption(formatOption(['text', 'json'], 'text'))
  .addOption(dbOption())
  .action(async (opts: { format: 'text' | 'json'; added?: boolean; db?: string }) => {
    const { entityListCommand } = await import('./commands/entity.js');
    process.exitCode = await entityListCommand(opts);
  });
entityCommand
  .command('add')
  .description('add a country or territory; its slug and (without an ISO code) a project code are proposed')
  .requiredOption('--name <name>', 'its name')
  .requiredOption('--kind <kind>', 'country or territory')
  .requiredOption('--region <region>', 'Africa, Americas, Asia, Eurasia, Europe or Middle East')
  .option('--iso3 <code>', 'its ISO 3166-1 alpha-3 code, when it has one')
  .option('--code <code>', 'a project code instead (three capitals, e.g. XAR)')
  .option('--id <slug>', 'the slug in addresses (default: from the name)')
  .option('--first <edition>', 'the first edition it is rated in')
  .option('--variant <name...>', 'other spellings imports should accept')
  .addOption(dbOption())
  .action(async (opts) => {
    const { entityAddCommand } = await import('./commands/entity.js');
    process.exitCode = await entityAddCommand(opts);
  });
entityCommand
  .command('rename')
  .description(
    'rename an entity, from an edition on (--from) or in every edition; the old name still matches on import',
  )
  .argument('<entity>', 'slug, code or any name of the entity')
  .argument('<name>', 'the new name')
  .option('--from <edition>', 'the first edition with the new name (earlier editions keep the old one)')
  .addOption(dbOption())
  .action(async (entity: string, name: string, opts: { from?: string; db?: string }) => {
    const { entityRenameCommand } = await import('./commands/entity.js');
    process.exitCode = await entityRenameCommand(entity, name, opts);
  });
entityCommand
  .command('alias')
  .description('add a spelling imports accept for an entity (e.g. a file\'s "Kazakstan")')
  .argument('<entity>', 'slug, code or any name of the entity')
  .argument('<name>', 'the other spelling')
  .addOption(dbOption())
  .action(async (entity: string, name: string, opts: { db?: string }) => {
    const { entityAliasCommand } = await import('./commands/entity.js');
    process.exitCode = await entityAliasCommand(entity, name, opts);
  });
entityCommand
  .command('reclassify')
  .description('change kind or region from an edition on (a territory that became a country); still one series')
  .argument('<entity>', 'slug, code or any name of the entity')
  .requiredOption('--from <edition>', 'the first edition with the new kind or region')
  .option('--kind <kind>', 'country or territory')
  .option('--region <region>', 'Africa, Americas, Asia, Eurasia, Europe or Middle East')
  .addOption(dbOption())
  .action(async (entity: string, opts: { from: string; kind?: string; region?: string; db?: string }) => {
    const { entityReclassifyCommand } = await import('./commands/entity.js');
    process.exitCode = await entityReclassifyCommand(entity, opts);
  });
entityCommand
  .command('split')
  .description('record that an entity split into others from an edition on (add new successors first)')
  .argument('<entity>', 'the entity that split')
  .requiredOption('--into <entities...>', 'the successors (the entity itself too, if it went on)')
  .requiredOption('--edition <edition>', 'the first edition the successors are rated in')
  .option('--continuing <entity>', "the successor whose history reaches back through the entity's")
  .addOption(dbOption())
  .action(async (entity: string, opts: { into: string[]; edition: string; continuing?: string; db?: string }) => {
    const { entitySuccessionCommand } = await import('./commands/entity.js');
    process.exitCode = await entitySuccessionCommand('split', [entity], opts.into, opts);
  });
entityCommand
  .command('merge')
  .description('record that entities merged into one from an edition on')
  .argument('<entities...>', 'the entities that merged')
  .requiredOption('--into <entity>', 'the entity they became')
  .requiredOption('--edition <edition>', 'the first edition it is rated in')
  .option('--continuing <entity>', 'the merged entity, if its history reaches back through the first one listed')
  .addOption(dbOption())
  .action(async (entities: string[], opts: { into: string; edition: string; continuing?: string; db?: string }) => {
    const { entitySuccessionCommand } = await import('./commands/entity.js');
    process.exitCode = await entitySuccessionCommand('merger', entities, [opts.into], opts);
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
