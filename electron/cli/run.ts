import { parseArgs } from 'node:util';
import type { Handlers } from '../../shared/ipc/contract';
import { AppError, isAppError } from '../../shared/ipc/errors';
import { resolveDataDir } from '../services/dataDir';
import { COMMANDS } from './commands/index';
import { badInput, EXIT, exitCodeOf, failed, oneLine } from './errors';
import { commandHelp, helpText } from './help';
import { commandsUnder, findCommand, type Command, type CommandArgs, type CommandContext } from './registry';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
}

export interface CliServices {
  handlers: Handlers;
  close(): void;
}

/** May be async: the CLI loads the services (SQLite, export, zip) only when a command needs them. */
export type OpenCliServices = (dataDir: string) => CliServices | Promise<CliServices>;

interface GlobalArgs {
  dataDir: string | undefined;
  help: boolean;
  rest: string[];
}

/** Pulls the global options out wherever they appear, so `shenbao drafts list --data-dir x` works too. */
function splitGlobals(argv: readonly string[]): GlobalArgs {
  const rest: string[] = [];
  let dataDir: string | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('-') || value.trim() === '') throw badInput('--data-dir 需要一个目录');
      dataDir = value;
      i++;
    } else if (arg.startsWith('--data-dir=')) {
      dataDir = arg.slice('--data-dir='.length);
      if (dataDir.trim() === '') throw badInput('--data-dir 需要一个目录');
    } else if (arg === '--help' || arg === '-h') {
      help = true;
    } else {
      rest.push(arg);
    }
  }
  return { dataDir, help, rest };
}

function leadingWords(args: readonly string[]): string[] {
  const words: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('-')) break;
    words.push(arg);
  }
  return words;
}

/** node:util's parse errors are English; the user sees one Chinese line instead. */
function parseCommandArgs(command: Command, args: string[]): CommandArgs {
  let parsed;
  try {
    parsed = parseArgs({ args, options: command.options ?? {}, strict: true, allowPositionals: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const option = /'(-[^']*)'/.exec((e as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw badInput(`未知选项 ${option}（用法：shenbao ${command.usage}）`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw badInput(`选项 ${option} 的值不正确（用法：shenbao ${command.usage}）`);
    throw badInput(`参数不正确（用法：shenbao ${command.usage}）`);
  }
  const { min, max } = command.positionals;
  const positionals = parsed.positionals;
  if (positionals.length < min) throw badInput(`缺少参数 ${command.positionals.names}（用法：shenbao ${command.usage}）`);
  if (positionals.length > max) throw badInput(`多余的参数「${positionals[max]}」（用法：shenbao ${command.usage}）`);
  return { values: parsed.values as CommandArgs['values'], positionals };
}

function describe(words: readonly string[]): string {
  return words.join(' ');
}

/**
 * Runs one `shenbao` invocation and returns its exit code. Output goes through `io` so tests and
 * other hosts can capture it; services are opened only when a command actually calls one.
 */
export async function runCli(argv: readonly string[], io: CliIo, open: OpenCliServices, commands: readonly Command[] = COMMANDS): Promise<number> {
  let services: CliServices | undefined;
  try {
    const globals = splitGlobals(argv);
    let words = leadingWords(globals.rest);
    const wantsHelp = globals.help || words[0] === 'help';
    if (words[0] === 'help') words = words.slice(1);

    if (globals.rest.length === 0 || (wantsHelp && words.length === 0)) {
      io.stdout(helpText(commands));
      return EXIT.ok;
    }
    const command = findCommand(commands, words);
    if (command === undefined) {
      const group = commandsUnder(commands, words);
      if (words.length > 0 && group.length > 0) {
        if (wantsHelp) {
          io.stdout(helpText(group));
          return EXIT.ok;
        }
        throw badInput(`「${describe(words)}」缺少子命令，可用：${group.map((c) => describe(c.path)).join('、')}`);
      }
      throw badInput(`未知命令「${describe(words.length > 0 ? words : globals.rest.slice(0, 1))}」，运行 shenbao --help 查看可用命令`);
    }
    if (wantsHelp) {
      io.stdout(commandHelp(command));
      return EXIT.ok;
    }
    const args = parseCommandArgs(command, globals.rest.slice(command.path.length));
    const dataDir = resolveDataDir({ argv: globals.dataDir ? ['--data-dir', globals.dataDir] : [], env: io.env });

    const ctx: CommandContext = {
      dataDir,
      out: (text) => io.stdout(text.endsWith('\n') ? text : `${text}\n`),
      async call(method, input) {
        if (services === undefined) {
          try {
            services = await open(dataDir);
          } catch (e) {
            throw failed(isAppError(e) ? e.message : `无法打开数据目录 ${dataDir}`);
          }
        }
        // The IPC contract (every channel's schema) loads only for commands that call the services.
        const { dispatch } = await import('../../shared/ipc/dispatch');
        const envelope = await dispatch(services.handlers, method, input);
        if (!envelope.ok) throw new AppError(envelope.error.code, envelope.error.message);
        return envelope.data as never;
      },
    };
    return await command.run(ctx, args);
  } catch (e) {
    if (isAppError(e)) {
      io.stderr(`错误：${oneLine(e.message)}\n`);
      return exitCodeOf(e.code);
    }
    io.stderr('错误：内部错误，操作未完成\n');
    if (io.env['SHENBAO_DEBUG']) io.stderr(`${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT.failed;
  } finally {
    services?.close();
  }
}
