import type { ParseArgsConfig } from 'node:util';
import type { Method } from '../../shared/ipc/channels';
import type { Input, Output } from '../../shared/ipc/contract';

/** What a command gets: where the data lives, the contract's handlers, and its output streams. */
export interface CommandContext {
  dataDir: string;
  /** Calls a contract method through `dispatch`; a failed envelope is thrown as its AppError (code and Chinese message). */
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  out(text: string): void;
}

export interface CommandArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * One verb of `shenbao`. A new verb is a file under commands/ listed in
 * commands/index.ts; the parser, help and error handling stay untouched.
 */
export interface Command {
  /** The words that select the command, e.g. ['drafts', 'list']. */
  path: readonly string[];
  /** e.g. `drafts export <id> --out <文件>` (without the leading `shenbao`). */
  usage: string;
  summary: string;
  options?: ParseArgsConfig['options'];
  /** Inclusive bounds on the number of positional arguments after the command words. */
  positionals: { min: number; max: number; names: string };
  run(ctx: CommandContext, args: CommandArgs): Promise<number>;
}

/** The longest command whose path is a prefix of the words given. */
export function findCommand(commands: readonly Command[], words: readonly string[]): Command | undefined {
  let best: Command | undefined;
  for (const command of commands) {
    const matches = command.path.every((word, i) => words[i] === word);
    if (matches && (best === undefined || command.path.length > best.path.length)) best = command;
  }
  return best;
}

/** Commands whose path starts with the given words: `shenbao drafts` lists the drafts verbs. */
export function commandsUnder(commands: readonly Command[], words: readonly string[]): Command[] {
  return commands.filter((c) => words.every((word, i) => c.path[i] === word));
}
