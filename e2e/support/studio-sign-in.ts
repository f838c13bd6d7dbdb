import type { Page } from 'playwright-core';

/**
 * Signs in at /studio as a user does, through the labelled fields; with
 * `newPassword`, as on a first visit, the one-time password is replaced too.
 * Waits for the dashboard.
 */
export async function signInToStudio(
  page: Page,
  url: string,
  credentials: { email: string; password: string; newPassword?: string },
): Promise<void> {
  await page.goto(`${url}/studio`);
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password', { exact: true }).fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (credentials.newPassword) {
    await page.getByLabel('One-time password').fill(credentials.password);
    await page.getByLabel('New password', { exact: true }).fill(credentials.newPassword);
    await page.getByLabel('New password again').fill(credentials.newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
  }
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
}
