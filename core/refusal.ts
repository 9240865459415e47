/** Why a rule refuses something, in the words the person at the desk reads (Chinese) and the English UI's. */
export interface Refusal {
  zh: string;
  en: string;
}
