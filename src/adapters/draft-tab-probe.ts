/** What a draft tab's relay said to the worker's ping. */
export type RelayAnswer = 'attached' | 'detached' | 'no-answer';

/** The browser side of re-attaching draft tabs after an extension update; browser-draft-tabs.ts implements it. */
export interface DraftTabProbe {
  /** Open tabs showing an ESPN draft room, with their URL. */
  listDraftTabs(): Promise<{ tabId: number; url: string }[]>;
  pingRelay(tabId: number): Promise<RelayAnswer>;
  reload(tabId: number): Promise<void>;
}
