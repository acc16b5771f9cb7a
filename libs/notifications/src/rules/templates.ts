import { Language, MessageKind } from '../notification-types';
import { FamilyStatus, InPersonReason } from './event-plan';

/**
 * Every text a recipient reads, in Ukrainian and English. In-app messages carry what the
 * recipient may read; e-mail and SMS are built from nothing but the inquiry reference and the
 * portal address (their signatures admit nothing else), so no name, status or place can leak
 * into a channel the Staff does not control.
 */

export interface Rendered {
  title: string;
  body: string;
}

export type InAppInput =
  | { kind: 'inquiry.received' | 'inquiry.kinship_verified'; reference: string }
  | { kind: 'inquiry.linked'; reference: string; kinshipVerified: boolean }
  | { kind: 'inquiry.rejected'; reference: string; reason: string | null }
  | { kind: 'case.status_changed'; reference: string; status: FamilyStatus }
  | { kind: 'case.contact_pending'; reference: string }
  | { kind: 'case.note_shared'; reference: string; note: string }
  | { kind: 'staff.cases_assigned' | 'staff.overdue_reminder'; caseReferences: string[] }
  | { kind: 'staff.in_person_task'; caseReference: string; reason: InPersonReason }
  | { kind: 'staff.overdue_digest'; overdueCount: number; assignees: number };

export type StaffKind = Extract<MessageKind, `staff.${string}`>;

/** Families of prisoners are targeted by fraudsters posing as the Staff: every external message says this. */
export const ANTI_FRAUD: Record<Language, string> = {
  uk: 'Координаційний штаб ніколи не просить грошей, даних банківських карток чи кодів. Хто просить про це від імені штабу — шахрай.',
  en: 'The Coordination Staff never asks for money, card details or codes. Anyone who asks for them in its name is a fraudster.',
};

const ANTI_FRAUD_SHORT: Record<Language, string> = {
  uk: 'Штаб ніколи не просить грошей, даних карток чи кодів.',
  en: 'The Staff never asks for money, card details or codes.',
};

export const STATUS_WORDS: Record<Language, Record<FamilyStatus, string>> = {
  uk: {
    registered: 'справу зареєстровано, відомості перевіряються',
    missing: 'людина вважається зниклою безвісти, пошук триває',
    captivity_confirmed: 'перебування в полоні підтверджено',
    returned: 'людину повернуто додому',
    closed: 'справу закрито',
  },
  en: {
    registered: 'registered; the information is being verified',
    missing: 'missing; the search goes on',
    captivity_confirmed: 'captivity confirmed',
    returned: 'returned home',
    closed: 'closed',
  },
};

const MAX_LISTED = 20;

/** Ukrainian has three plural forms: 1 справа, 2 справи, 5 справ (and 21 справа, 11 справ). */
export function ukPlural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

function cases(n: number, language: Language, form: 'nominative' | 'accusative' = 'nominative'): string {
  if (language === 'en') return `${n} ${n === 1 ? 'case' : 'cases'}`;
  return `${n} ${ukPlural(n, form === 'accusative' ? 'справу' : 'справа', 'справи', 'справ')}`;
}

function listReferences(references: string[], language: Language): string {
  const shown = references.slice(0, MAX_LISTED).join(', ');
  const more = references.length - MAX_LISTED;
  if (more <= 0) return shown;
  return language === 'uk' ? `${shown} та ще ${more}` : `${shown} and ${more} more`;
}

export function renderInApp(input: InAppInput, language: Language): Rendered {
  const uk = language === 'uk';
  switch (input.kind) {
    case 'inquiry.received':
      return uk
        ? {
            title: `Звернення ${input.reference} отримано`,
            body: `Ми отримали ваше звернення ${input.reference}. Працівник Координаційного штабу розгляне його найближчим часом. Про кожну зміну ви дізнаєтеся тут.`,
          }
        : {
            title: `Inquiry ${input.reference} received`,
            body: `We received your inquiry ${input.reference}. A caseworker of the Coordination Staff will review it soon. You will be told here of every change.`,
          };
    case 'inquiry.linked': {
      const next = uk
        ? input.kinshipVerified
          ? 'Ви бачитимете новини справи, якими з вами діляться.'
          : 'Новини справи ви бачитимете, щойно вашу спорідненість буде підтверджено.'
        : input.kinshipVerified
          ? 'You will see the news of the case that is shared with you.'
          : 'You will see the news of the case once your relationship to the person is verified.';
      return uk
        ? {
            title: `Звернення ${input.reference} пов'язано зі справою`,
            body: `Ваше звернення ${input.reference} пов'язано зі справою людини, яку ви шукаєте. ${next}`,
          }
        : {
            title: `Inquiry ${input.reference} linked to a case`,
            body: `Your inquiry ${input.reference} is now linked to the case of the person you are looking for. ${next}`,
          };
    }
    case 'inquiry.rejected': {
      const reason = input.reason ? (uk ? ` Причина: ${input.reason}` : ` Reason: ${input.reason}`) : '';
      return uk
        ? {
            title: `Звернення ${input.reference} не прийнято в роботу`,
            body: `На жаль, ми не можемо опрацювати ваше звернення ${input.reference}.${reason} Якщо ви дізнаєтеся більше, ви можете подати нове звернення.`,
          }
        : {
            title: `Inquiry ${input.reference} not taken further`,
            body: `We cannot take your inquiry ${input.reference} further.${reason} If you learn more, you may submit a new inquiry.`,
          };
    }
    case 'inquiry.kinship_verified':
      return uk
        ? {
            title: 'Спорідненість підтверджено',
            body: `Вашу спорідненість за зверненням ${input.reference} підтверджено. Відтепер ви бачитимете новини справи, якими з вами діляться.`,
          }
        : {
            title: 'Relationship verified',
            body: `Your relationship for inquiry ${input.reference} has been verified. From now on you will see the news of the case that is shared with you.`,
          };
    case 'case.status_changed': {
      const words = STATUS_WORDS[language][input.status];
      return uk
        ? {
            title: `Новини щодо звернення ${input.reference}`,
            body: `Статус справи за вашим зверненням ${input.reference}: ${words}.`,
          }
        : {
            title: `News about inquiry ${input.reference}`,
            body: `The status of the case for your inquiry ${input.reference}: ${words}.`,
          };
    }
    case 'case.contact_pending':
      return uk
        ? {
            title: "Ваш працівник зв'яжеться з вами",
            body: `Працівник, який веде справу за вашим зверненням ${input.reference}, зв'яжеться з вами особисто.`,
          }
        : {
            title: 'Your caseworker will contact you',
            body: `The caseworker handling the case for your inquiry ${input.reference} will contact you in person.`,
          };
    case 'case.note_shared':
      return {
        title: uk ? `Повідомлення щодо звернення ${input.reference}` : `Message about inquiry ${input.reference}`,
        body: input.note,
      };
    case 'staff.cases_assigned': {
      const n = input.caseReferences.length;
      const list = listReferences(input.caseReferences, language);
      return uk
        ? { title: `Вам призначено ${cases(n, language, 'accusative')}`, body: `Призначено вам: ${list}.` }
        : { title: `${cases(n, language)} assigned to you`, body: `Assigned to you: ${list}.` };
    }
    case 'staff.in_person_task': {
      const what = uk
        ? input.reason === 'deceased'
          ? `У справі ${input.caseReference} зафіксовано загибель.`
          : `У справі ${input.caseReference} зафіксовано повернення тіла.`
        : input.reason === 'deceased'
          ? `Case ${input.caseReference} was recorded as deceased.`
          : `In case ${input.caseReference} the remains were repatriated.`;
      return uk
        ? {
            title: `Зв'яжіться з родиною особисто: ${input.caseReference}`,
            body: `${what} Родині автоматично повідомлено лише, що ви зв'яжетеся з нею. Повідомте новину особисто кожному родичу з підтвердженою спорідненістю.`,
          }
        : {
            title: `Contact the family in person: ${input.caseReference}`,
            body: `${what} The family was only told that you will contact them. Give the news in person to each family member whose relationship is verified.`,
          };
    }
    case 'staff.overdue_reminder': {
      const n = input.caseReferences.length;
      const list = listReferences(input.caseReferences, language);
      return uk
        ? {
            title: `Прострочено ваших справ: ${n}`,
            body: `Справи без новин для родини довше за встановлений строк: ${list}.`,
          }
        : {
            title: `${cases(n, language)} of yours overdue`,
            body: `Cases without news to the family for longer than allowed: ${list}.`,
          };
    }
    case 'staff.overdue_digest':
      return uk
        ? {
            title: `Прострочено справ: ${input.overdueCount}`,
            body: `Прострочено справ: ${input.overdueCount}; працівників із простроченими справами: ${input.assignees}. Подробиці — на сторінці навантаження.`,
          }
        : {
            title: `${cases(input.overdueCount, language)} overdue`,
            body: `Overdue cases: ${input.overdueCount}; caseworkers with overdue cases: ${input.assignees}. See the workload page for details.`,
          };
    default: {
      const never: never = input;
      throw new Error(`No template for ${String((never as { kind: string }).kind)}`);
    }
  }
}

/** The one e-mail a family receives, whatever happened: news exists, sign in, beware of fraud. */
export function renderFamilyEmail(reference: string, language: Language, portalUrl: string): Rendered {
  return language === 'uk'
    ? {
        title: `Новини щодо вашого звернення ${reference}`,
        body: `Добрий день!\n\nЄ новини щодо вашого звернення ${reference}. Щоб їх прочитати, увійдіть на портал: ${portalUrl}\n\n${ANTI_FRAUD.uk}\n\nЦей лист надіслано автоматично, не відповідайте на нього.`,
      }
    : {
        title: `News about your inquiry ${reference}`,
        body: `Hello,\n\nThere is news about your inquiry ${reference}. Sign in to the portal to read it: ${portalUrl}\n\n${ANTI_FRAUD.en}\n\nThis message was sent automatically; please do not reply to it.`,
      };
}

export function renderFamilySms(reference: string, language: Language, portalUrl: string): string {
  return language === 'uk'
    ? `Координаційний штаб: є новини щодо звернення ${reference}. Увійдіть на портал: ${portalUrl} ${ANTI_FRAUD_SHORT.uk}`
    : `Coordination Staff: there is news about inquiry ${reference}. Sign in: ${portalUrl} ${ANTI_FRAUD_SHORT.en}`;
}

const STAFF_SUBJECTS: Record<Language, Record<StaffKind, string>> = {
  uk: {
    'staff.cases_assigned': 'Вам призначено нові справи',
    'staff.in_person_task': "Нове завдання: зв'язатися з родиною",
    'staff.overdue_reminder': 'Нагадування: прострочені справи',
    'staff.overdue_digest': 'Зведення прострочених справ',
  },
  en: {
    'staff.cases_assigned': 'New cases assigned to you',
    'staff.in_person_task': 'New task: contact a family',
    'staff.overdue_reminder': 'Reminder: overdue cases',
    'staff.overdue_digest': 'Overdue cases digest',
  },
};

/** Staff e-mail only points to the portal: case references stay in the in-app message. */
export function renderStaffEmail(kind: StaffKind, language: Language, portalUrl: string): Rendered {
  return language === 'uk'
    ? {
        title: STAFF_SUBJECTS.uk[kind],
        body: `На порталі для вас нове повідомлення. Увійдіть, щоб його прочитати: ${portalUrl}\n\nЛист навмисно не містить відомостей про справи.`,
      }
    : {
        title: STAFF_SUBJECTS.en[kind],
        body: `There is a new message for you in the portal. Sign in to read it: ${portalUrl}\n\nThis e-mail carries no case details on purpose.`,
      };
}

export function isStaffKind(kind: MessageKind): kind is StaffKind {
  return kind.startsWith('staff.');
}
