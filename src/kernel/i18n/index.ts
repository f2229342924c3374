/** Picks the locale pack for a BCP 47 tag: its language's own pack, or English strings with Intl dates. */
import { en, intlPack } from "./en.ts";
import type { LocalePack } from "./types.ts";
import { vi } from "./vi.ts";

export type { ArchiveStrings, LocalePack, SearchStrings, UiStrings } from "./types.ts";

const packs: Record<string, LocalePack> = { vi, en };

export function localePack(locale: string): LocalePack {
  const language = locale.toLowerCase().split("-")[0] ?? "";
  return packs[language] ?? intlPack(locale);
}
