/**
 * `konform kinds`: the check kinds a suite can name, each with what it checks, what the target
 * must provide and its options (type, required or default). `konform kinds <kind>`: that
 * kind's options JSON Schema. An unknown kind is a usage error naming the close matches.
 */
import { allCheckKinds } from '../../checks/registry.js';
import type { CheckKind } from '../../checks/types.js';
import { optionsSchemaOf } from '../../run/check-options.js';
import { didYouMean } from '../../core/close-matches.js';
import { ERROR_CODES, KonformError } from '../../model/errors.js';
import type { CliIo } from '../io.js';

type Schema = Record<string, unknown>;

interface OptionSummary {
  name: string;
  type: string;
  required: boolean;
  default?: unknown;
}

/** What an option takes, in a few characters: `string`, `integer[]`, `core|geojson`. */
function typeOf(schema: Schema): string {
  if (Array.isArray(schema.enum)) return schema.enum.map(String).join('|');
  if (schema.type === 'array') return `${typeOf((schema.items ?? {}) as Schema)}[]`;
  return typeof schema.type === 'string' ? schema.type : 'any';
}

function optionsOf(kind: CheckKind<never>): OptionSummary[] {
  const schema = optionsSchemaOf(kind);
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries((schema.properties ?? {}) as Record<string, Schema>).map(([name, option]) => ({
    name,
    type: typeOf(option),
    required: required.has(name),
    ...('default' in option ? { default: option.default } : {}),
  }));
}

function optionLines(options: OptionSummary[]): string {
  const nameWidth = Math.max(...options.map((option) => option.name.length));
  const typeWidth = Math.max(...options.map((option) => option.type.length));
  return options
    .map((option) => {
      const note = option.required ? 'required' : 'default' in option ? `default ${JSON.stringify(option.default)}` : '';
      return `    ${option.name.padEnd(nameWidth)}  ${option.type.padEnd(typeWidth)}  ${note}`.trimEnd() + '\n';
    })
    .join('');
}

export async function kindsCommand(name: string | undefined, flags: { json?: boolean }, io: CliIo): Promise<number> {
  const kinds = await allCheckKinds();
  if (name !== undefined) {
    const kind = kinds.get(name);
    if (!kind) throw new KonformError(ERROR_CODES.CHECK_KIND_UNKNOWN, `no check kind "${name}"${didYouMean(name, kinds.keys())}; konform kinds lists them`);
    io.stdout.write(`${JSON.stringify(optionsSchemaOf(kind), null, 2)}\n`);
    return 0;
  }
  const listed = [...kinds.values()].map((kind) => ({ name: kind.name, description: kind.description, needs: kind.needs, options: optionsOf(kind) }));
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
    return 0;
  }
  for (const kind of listed) {
    io.stdout.write(`${kind.name} (needs ${kind.needs.join(', ')}): ${kind.description}\n`);
    io.stdout.write(kind.options.length > 0 ? optionLines(kind.options) : '    no options\n');
  }
  return 0;
}
