/** Driving Grafana's Combobox and MultiCombobox like a user, by their labels (or their input element). */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

type User = ReturnType<typeof userEvent.setup>;

/** Descriptions of the "take what I typed" option (Grafana's default and the filter fields'). */
const CUSTOM = /Use custom value|Use this name or variable/;

/**
 * Opens a Combobox (or MultiCombobox) by its label, types the option's name (the menu is virtualised: only the
 * first options are rendered) and picks the listed option whose visible name starts with it.
 */
export async function choose(user: User, label: Target, option: string) {
  await pick(user, label, option, (el) => !CUSTOM.test(el.textContent ?? ''));
}

/** Types a value that is not in the list (e.g. "$service") and takes it as a custom value. */
export async function typeCustom(user: User, label: Target, text: string) {
  await pick(user, label, text, (el) => CUSTOM.test(el.textContent ?? ''));
}

/** A combobox's label, or its input (role queries over a page of many comboboxes are slow in jsdom). */
type Target = string | RegExp | HTMLElement;

async function pick(user: User, label: Target, text: string, which: (el: HTMLElement) => boolean) {
  const input = label instanceof HTMLElement ? label : screen.getByRole('combobox', { name: label });
  await user.click(input);
  await user.clear(input);
  // Not user.type: its click on an open Combobox closes the menu and puts the selected label back.
  await user.keyboard(text);
  const name = new RegExp(`^${escape(text)}`);
  let target: HTMLElement | undefined;
  // Options may come from the data source (the demo events) asynchronously: be patient on a busy machine.
  await waitFor(
    () => {
      // The options of this combobox only: its menu is the element its input controls.
      const menu = document.getElementById(input.getAttribute('aria-controls') ?? '');
      target = (menu ? within(menu) : screen).queryAllByRole('option', { name }).find(which);
      expect(target).toBeDefined();
    },
    { timeout: 10000 }
  );
  await user.click(target!);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
