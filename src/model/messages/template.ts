/** The shape of one entry of the message table: the same sentence in Chinese (first) and English. */
export interface MessageTemplate {
  zh: string;
  en: string;
}

export type MessageParams = Readonly<Record<string, string | number | undefined>>;
