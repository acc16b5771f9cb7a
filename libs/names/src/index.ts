export { foldHomoglyphs, foldText, splitNameWords } from './normalize';
export { transliterateKmu2010 } from './transliterate';
export { collapseSounds, nameWordKey } from './word-key';
export { damerauLevenshtein, keySimilarity } from './edit-distance';
export {
  canonicalGivenName,
  type GivenNameClass,
  givenNameClass,
  givenNameClasses,
  givenNameClassOfKey,
  givenNameKeys,
  type Sex,
} from './given-names';
export {
  canonicalPatronymic,
  looksLikePatronymic,
  patronymicClassOfKey,
  patronymicForms,
  patronymicKeys,
  patronymicStem,
  russianPatronymicsOf,
  ukrainianPatronymicsOf,
} from './patronymics';
export {
  compareDatesOfBirth,
  type DateOfBirthComparison,
  type DateOfBirthParts,
  parseDateOfBirth,
  parseDateOfBirthParts,
} from './date-of-birth';
export {
  GIVEN_NAME_KEY_PREFIX,
  type NameRole,
  type NameWord,
  nameWords,
  PATRONYMIC_KEY_PREFIX,
  type ParsedFullName,
  parseFullName,
  type PersonNameInput,
  personNameKeys,
  type ResolvedName,
  resolvePersonName,
  type RoleAssignment,
  roleAssignments,
} from './person-name';
export {
  createComparisonMemo,
  type NameComparisonMemo,
  type NameMatchReason,
  type NameScore,
  type PersonNameWithDate,
  type PreparedName,
  prepareName,
  scoreNames,
  scorePreparedNames,
} from './score';
