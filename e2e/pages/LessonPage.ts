// Page object for the lesson pane, the Lab menu and classroom mode.
import { expect, type Locator, type Page } from '@playwright/test';

export class LessonPage {
  readonly page: Page;
  readonly pane: Locator;
  readonly progress: Locator;
  readonly verdict: Locator;
  readonly notice: Locator;

  constructor(page: Page) {
    this.page = page;
    this.pane = page.locator('aside.lesson');
    this.progress = page.getByTestId('lesson-progress');
    this.verdict = page.getByTestId('lesson-verdict');
    this.notice = page.locator('.notice');
  }

  async menu(item: string | RegExp): Promise<void> {
    await this.page.locator('.lab-menu summary').click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }

  async openArticleLesson(): Promise<void> {
    await this.menu(/^(Lesson: |课程:)Linux bridge/);
    await expect(this.progress).toBeVisible();
  }

  language(name: '中文' | 'English'): Locator {
    return this.pane.getByRole('group', { name: /^(Language|语言)$/ }).getByRole('button', { name });
  }

  button(name: string | RegExp): Locator {
    return this.pane.getByRole('button', { name });
  }

  heading(): Locator {
    return this.pane.getByRole('heading', { level: 2 });
  }
}
