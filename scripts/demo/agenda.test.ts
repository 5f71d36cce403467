import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Agenda } from './agenda.ts';

test('tasks run in time order, ties in the order filed, and may file later tasks', () => {
  const agenda = new Agenda();
  const ran: string[] = [];
  agenda.add(1, 30, () => ran.push('b'));
  agenda.add(1, 10, () => {
    ran.push('a');
    agenda.add(1, 20, () => ran.push('a+10'));
    agenda.add(2, 0, () => ran.push('tomorrow'));
  });
  agenda.add(1, 30, () => ran.push('c'));
  agenda.runDay(1);
  assert.deepEqual(ran, ['a', 'a+10', 'b', 'c']);
  agenda.runDay(2);
  assert.deepEqual(ran, ['a', 'a+10', 'b', 'c', 'tomorrow']);
});

test('a task filed for today at a time already past runs once, after the one filing it', () => {
  const agenda = new Agenda();
  const ran: string[] = [];
  agenda.add(5, 100, () => ran.push('early'));
  let filed = false; // files once, so that a regression fails rather than loops
  agenda.add(5, 500, () => {
    ran.push('late');
    if (!filed) agenda.add(5, 200, () => ran.push('filed for 200'));
    filed = true;
  });
  agenda.add(5, 600, () => ran.push('last'));
  agenda.runDay(5);
  assert.deepEqual(ran, ['early', 'late', 'filed for 200', 'last']);
});

test('a day runs once: its tasks are gone afterwards', () => {
  const agenda = new Agenda();
  let runs = 0;
  agenda.add(3, 0, () => runs++);
  agenda.runDay(3);
  agenda.runDay(3);
  assert.equal(runs, 1);
});
