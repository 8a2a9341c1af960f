// The report input's Fail, shared by every reader of an experiment folder so grid.json, the logs
// and eval.json word their errors alike: a FileError naming the field, an absent one stated missing.
import { FileError } from '../../io/file-system.js';
import type { Fail } from '../../validation/schema.js';
import { badValue } from '../../validation/values.js';

export const fileFail: Fail = (path, value, expected) => {
  throw new FileError(value === undefined ? `${path} is missing, expected ${expected}` : badValue(path, value, expected));
};
