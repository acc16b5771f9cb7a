import { getMetadataStorage, MetadataStorage } from 'class-validator';

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
type Grouped = Record<string, ValidationMetadata[]>;
const REMEMBERING = Symbol.for('portal.rememberValidationRules');

/**
 * class-validator looks a class's rules up anew on every validation: it scans every decorated
 * class of the application for the class's ancestors, then filters and groups the rules
 * (typestack/class-validator#2686). On the api's busiest routes that was a measurable share of
 * each request. A class's rules are fixed once its module has loaded (its ancestors load before
 * it), so this remembers each lookup per class and options, and each grouping per lookup.
 * Registering any rule afterwards (a class loaded later, a decorator applied by hand) forgets
 * everything remembered. Applied once per storage; validation results are unchanged.
 */
export function rememberValidationRules(storage: MetadataStorage = getMetadataStorage()): void {
  const marked = storage as MetadataStorage & { [REMEMBERING]?: true };
  if (marked[REMEMBERING]) return;
  marked[REMEMBERING] = true;

  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let rules = new WeakMap<object, Map<string, ValidationMetadata[]>>();
  let groupings = new WeakMap<ValidationMetadata[], Grouped>();

  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    // Not a class (a plain value whose `constructor` field is data): nothing to remember it by.
    if (typeof target !== 'function') return lookUp(target, schema, always, strictGroups, groups);
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups === undefined ? '' : JSON.stringify(groups)}`;
    let byOptions = rules.get(target);
    if (byOptions === undefined) rules.set(target, (byOptions = new Map()));
    let found = byOptions.get(key);
    if (found === undefined) byOptions.set(key, (found = lookUp(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.groupByPropertyName = (metadata) => {
    let grouped = groupings.get(metadata);
    if (grouped === undefined) groupings.set(metadata, (grouped = group(metadata)));
    return grouped;
  };
  storage.addValidationMetadata = (metadata) => {
    rules = new WeakMap();
    groupings = new WeakMap();
    add(metadata);
  };
}
