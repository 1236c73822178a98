import type { Page } from '@playwright/test';

/** How the bench drives one grid page: where its first row is, how to sort and filter, how many rows it shows. */
export interface GridUi {
  readonly name: string;
  readonly firstRow: string;
  sortByPerson(page: Page): Promise<void>;
  filterUnanswered(page: Page): Promise<void>;
  count(page: Page): Promise<number>;
}

const chooseUnanswered = async (page: Page) => {
  await page.getByLabel('Answers', { exact: true }).selectOption('unanswered');
};
const clickPersonHeader = async (page: Page) => {
  await page.getByRole('columnheader', { name: /Person/ }).getByRole('button').first().click();
};
const peerCount = (page: Page) => page.evaluate(() => window.__peer?.count() ?? -1);

export const MODBOARD: GridUi = {
  name: 'Modboard',
  firstRow: '[role="grid"] [aria-rowindex="2"]',
  sortByPerson: clickPersonHeader,
  filterUnanswered: chooseUnanswered,
  count: async (page) => Number(await page.getByRole('grid', { name: 'Join requests' }).getAttribute('aria-rowcount')) - 1,
};

export const TANSTACK: GridUi = {
  name: 'TanStack Table v9 (client-side row model)',
  firstRow: '[role="grid"] [aria-rowindex="2"]',
  sortByPerson: clickPersonHeader,
  filterUnanswered: chooseUnanswered,
  count: peerCount,
};

export const AG_GRID: GridUi = {
  name: 'AG Grid Community 36 (client-side row model)',
  firstRow: '.ag-row[row-index="0"]',
  sortByPerson: async (page) => {
    await page.locator('.ag-header-cell[col-id="personName"] .ag-header-cell-label').click();
  },
  filterUnanswered: chooseUnanswered,
  count: peerCount,
};
