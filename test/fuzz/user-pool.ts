/** Users, rotated before any per-user limit is reached, so the suites test validation and not the limiters. */
import { createUser, type TestUser } from "../factories";

let ipCounter = 0;
/** A fresh client address per call (header values only: nothing is sent anywhere). */
export function freshIp(): string {
  ipCounter += 1;
  const n = (Date.now() % 200) * 65536 + ipCounter;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/**
 * Hands out users: at most `uploads` upload attempts that may succeed and `executes` execute calls each (under the
 * 10/h and 100/h defaults), then a fresh user.
 */
export class UserPool {
  private user: TestUser | undefined;
  private uploads = 0;
  private executes = 0;
  created = 0;

  constructor(private readonly limits = { uploads: 9, executes: 90 }) {}

  async forUpload(): Promise<TestUser> {
    if (!this.user || this.uploads >= this.limits.uploads) await this.rotate();
    this.uploads += 1;
    return this.user!;
  }

  async forExecute(count = 1): Promise<TestUser> {
    if (!this.user || this.executes + count > this.limits.executes) await this.rotate();
    this.executes += count;
    return this.user!;
  }

  /** A user that has spent nothing yet (e.g. to upload and then execute against that upload). */
  async fresh(): Promise<TestUser> {
    await this.rotate();
    return this.user!;
  }

  private async rotate(): Promise<void> {
    this.user = await createUser();
    this.uploads = 0;
    this.executes = 0;
    this.created += 1;
  }
}
