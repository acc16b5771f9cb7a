import { Platform1764200000000 } from './1764200000000-platform';

/** Every migration in order. Listed explicitly so that compiled code and tests load the same set. */
export const MIGRATIONS = [Platform1764200000000];
