/**
 * Holds the events that arrive before the trigger index has loaded (the store was down when the
 * gateway started) and routes them, in order, once it has — so no event is dropped silently.
 * Past `limit` held events, newer ones are reported to `onDrop` (logged with the reason).
 *
 * @example
 * const gate = new EventGate<RouterEvent>((event) => route(event), 10_000, (event) => log(...));
 * gate.pass(event); // routed now, or held until gate.open()
 */
export class EventGate<T> {
  private held: T[] = [];
  private isOpen = false;
  private readonly opened: Promise<void>;
  private resolveOpened!: () => void;

  constructor(
    private readonly release: (item: T) => void,
    private readonly limit: number,
    private readonly onDrop: (item: T) => void,
  ) {
    this.opened = new Promise((resolve) => (this.resolveOpened = resolve));
  }

  get open(): boolean {
    return this.isOpen;
  }

  /** How many events wait for the index. */
  get waiting(): number {
    return this.held.length;
  }

  pass(item: T): void {
    if (this.isOpen) this.release(item);
    else if (this.held.length < this.limit) this.held.push(item);
    else this.onDrop(item);
  }

  /** Resolves once the gate is open (interactions wait here after being acknowledged). */
  whenOpen(): Promise<void> {
    return this.opened;
  }

  /** Opens the gate: held events are released in the order they came. */
  openNow(): void {
    if (this.isOpen) return;
    this.isOpen = true;
    const held = this.held;
    this.held = [];
    for (const item of held) this.release(item);
    this.resolveOpened();
  }
}
