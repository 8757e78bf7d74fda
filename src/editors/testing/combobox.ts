/** Driving Grafana's Combobox and MultiCombobox like a user, by their labels. */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

type User = ReturnType<typeof userEvent.setup>;

/** Descriptions of the "take what I typed" option (Grafana's default and the filter fields'). */
const CUSTOM = /Use custom value|Use this name or variable/;

/**
 * Opens a Combobox (or MultiCombobox) by its label, types the option's name (the menu is virtualised: only the
 * first options are rendered) and picks the listed option whose visible name starts with it.
 */
export async function choose(user: User, label: string | RegExp, option: string) {
  await pick(user, label, option, (el) => !CUSTOM.test(el.textContent ?? ''));
}

/** Types a value that is not in the list (e.g. "$service") and takes it as a custom value. */
export async function typeCustom(user: User, label: string | RegExp, text: string) {
  await pick(user, label, text, (el) => CUSTOM.test(el.textContent ?? ''));
}

async function pick(user: User, label: string | RegExp, text: string, which: (el: HTMLElement) => boolean) {
  const input = screen.getByRole('combobox', { name: label });
  await user.click(input);
  await user.clear(input);
  // Not user.type: its click on an open Combobox closes the menu and puts the selected label back.
  await user.keyboard(text);
  const name = new RegExp(`^${escape(text)}`);
  let target: HTMLElement | undefined;
  // Options may come from the data source (the demo events) asynchronously: be patient on a busy machine.
  await waitFor(
    () => {
      target = screen.queryAllByRole('option', { name }).find(which);
      expect(target).toBeDefined();
    },
    { timeout: 10000 }
  );
  await user.click(target!);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
