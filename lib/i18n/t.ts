import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';
import type { AddressForm } from '../db/schemas';

export type MessageKey = keyof typeof en;

let addressForm: AddressForm = 'sie';

/** German has a formal and an informal "you"; texts with a `<key>_du` variant follow the user's choice. */
export function setAddressForm(form: AddressForm): void {
  addressForm = form;
}

const getMessage = (name: string, substitutions?: string | string[]): string =>
  (browser.i18n.getMessage as (name: string, subs?: string | string[]) => string)(name, substitutions);

/** The browser's UI language decides (German or English); `_locales/en` is the fallback. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
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
