// What happens when: tasks filed by day, run in time order (ties in the order
// they were filed). A task may file more tasks, for a later day or later today.

export interface Task {
  at: number;
  seq: number;
  run(): void;
}

export class Agenda {
  private readonly days = new Map<number, Task[]>();
  private seq = 0;
  /** the day being run, and the index of its task running now */
  private runningDay: number | undefined;
  private cursor = -1;

  add(day: number, at: number, run: () => void): void {
    let list = this.days.get(day);
    if (!list) {
      list = [];
      this.days.set(day, list);
    }
    const task = { at, seq: this.seq++, run };
    // Binary insertion keeps each day sorted by (at, seq). A task filed for today at a
    // time already past runs next (after the running one): slipping it in before would
    // shift the running task along and run it again.
    let low = day === this.runningDay ? this.cursor + 1 : 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const other = list[mid]!;
      if (other.at < at || (other.at === at && other.seq < task.seq)) low = mid + 1;
      else high = mid;
    }
    list.splice(low, 0, task);
  }

  /** Run the day's tasks in order, including any filed for later today while running. */
  runDay(day: number): void {
    const list = this.days.get(day);
    if (!list) return;
    this.runningDay = day;
    try {
      for (this.cursor = 0; this.cursor < list.length; this.cursor++) list[this.cursor]!.run();
    } finally {
      this.runningDay = undefined;
      this.cursor = -1;
    }
    this.days.delete(day);
  }
}
