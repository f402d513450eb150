/** Entry of a batch worker thread: runs the tasks it is sent, one at a time, and answers each with its outcome. */
import { parentPort } from 'worker_threads';
import { runTask, toWire, type Task } from './tasks';

const port = parentPort;
if (port) {
  port.on('message', (m: { id: number; task: Task }) => {
    runTask(m.task).then(
      (ok) => port.postMessage({ id: m.id, ok }),
      (e: unknown) => port.postMessage({ id: m.id, error: toWire(e) }),
    );
  });
  // The modules are loaded: the pool may send work now.
  port.postMessage({ ready: true });
}
