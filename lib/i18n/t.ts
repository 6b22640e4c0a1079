import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';
import type { AddressForm } from '../db/schemas';

export type MessageKey = keyof typeof en;

let addressForm: AddressForm = 'sie';

/** German has a formal and an informal "you"; texts with a `<key>_du` variant follow the user's choice. */
export function setAddressForm(form: AddressForm): void {
  if (form !== addressForm) cache.clear();
  addressForm = form;
}

// Every post's buttons ask for the same few texts, and the browser's lookup is not free.
const cache = new Map<string, string>();

const getMessage = (name: string, substitutions?: string | string[]): string =>
  (browser.i18n.getMessage as (name: string, subs?: string | string[]) => string)(name, substitutions);

/** The browser's UI language decides (German or English); `_locales/en` is the fallback. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  // Texts with names in them are not kept: there are as many as there are authors.
  if (substitutions !== undefined) return lookUp(key, substitutions);
  let text = cache.get(key);
  if (text === undefined) {
    text = lookUp(key);
    cache.set(key, text);
  }
  return text;
}

function lookUp(key: MessageKey, substitutions?: string | string[]): string {
  if (addressForm === 'du') {
    const informal = getMessage(`${key}_du`, substitutions);
    if (informal) return informal;
  }
  return getMessage(key, substitutions) || key;
}

/** The language texts posted to the intranet are written in: the browser's. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
