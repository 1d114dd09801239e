/**
 * The YAML 1.2 core schema, exactly, for js-yaml: which plain scalars are
 * null, booleans, integers and floats. js-yaml's own CORE_SCHEMA is looser
 * (it reads `0b101` and `1_000` as numbers) and misses `-.5`; these four
 * types follow the specification's regular expressions, so values are those
 * the `yaml` package reads with its core schema (a property test holds the
 * two together). Tags beyond these (`!!binary`, `!!timestamp`, `!!set`...)
 * are unknown here and make the file fail with a message about tags.
 */
import jsyaml from 'js-yaml';

const NULL = /^(?:~|null|Null|NULL)?$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

const nullType = new jsyaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: string | null) => data === null || NULL.test(data),
  construct: () => null,
  predicate: (object: unknown) => object === null,
  represent: { canonical: () => '~' },
  defaultStyle: 'canonical',
});

const boolType = new jsyaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && BOOL.test(data),
  construct: (data: string) => data[0] === 't' || data[0] === 'T',
  predicate: (object: unknown) => typeof object === 'boolean',
});

const intType = new jsyaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && INT.test(data),
  construct(data: string) {
    if (data.startsWith('0o')) return parseInt(data.slice(2), 8);
    if (data.startsWith('0x')) return parseInt(data.slice(2), 16);
    return parseInt(data, 10);
  },
  predicate: (object: unknown) => Number.isInteger(object),
});

const floatType = new jsyaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && FLOAT.test(data),
  construct(data: string) {
    const lower = data.toLowerCase();
    if (lower.endsWith('.nan')) return NaN;
    if (lower.endsWith('.inf')) return lower.startsWith('-') ? -Infinity : Infinity;
    return parseFloat(data);
  },
  predicate: (object: unknown) => typeof object === 'number',
});

/** Strings, sequences and mappings, and the four core scalar types. */
export const YAML_12_CORE = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [nullType, boolType, intType, floatType],
});
