import type { StoredVenue } from './dataset';

/**
 * The venues the Wi-Fi directory shows now (the imported file or the shipped sample), for other
 * parts of the core that build something from them (handwriting's suggestions). The hotspot
 * handlers own the dataset and provide the reader; the array is a new one whenever staff import
 * or roll back, so a reader can tell by identity that what it built is out of date.
 */
export class VenuesInUse {
  private reader: () => readonly StoredVenue[] = () => [];

  provide(reader: () => readonly StoredVenue[]): void {
    this.reader = reader;
  }

  current(): readonly StoredVenue[] {
    return this.reader();
  }
}
