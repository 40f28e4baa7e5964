// /faults over the control API. Thin: validate the body, call the fault registry, apply the
// fault list to the model at once (so the next poll shows it), map the result.
import { faultInputProblem, faultInputSchema } from '../faults/fault.schema.js';
import type { Simulation } from '../model/simulation.js';
import type { ControlRoute } from './control-server.js';

export function faultRoutes(simulation: Simulation): ControlRoute[] {
  return [
    {
      method: 'POST',
      path: '/faults',
      handle: ({ body }) => {
        const parsed = faultInputSchema.safeParse(body);
        if (!parsed.success) {
          return { status: 400, body: { error: 'bad-request', message: faultInputProblem(parsed.error) } };
        }
        const added = simulation.faults.add(parsed.data, simulation.now);
        if (!added.ok) {
          return { status: 400, body: { error: 'bad-request', field: added.field, message: added.message } };
        }
        simulation.applyFaults();
        return { status: 201, body: { id: added.fault.id, fault: added.fault } };
      },
    },
    {
      method: 'GET',
      path: '/faults',
      handle: () => ({ status: 200, body: { faults: simulation.faults.list() } }),
    },
    {
      method: 'DELETE',
      path: '/faults/:id',
      handle: ({ params }) => {
        const id = params.id ?? '';
        if (!simulation.faults.remove(id)) {
          return { status: 404, body: { error: 'not-found', message: `no active fault ${id}` } };
        }
        simulation.applyFaults();
        return { status: 200, body: { removed: id } };
      },
    },
    {
      method: 'DELETE',
      path: '/faults',
      handle: () => {
        const removed = simulation.faults.clear();
        simulation.applyFaults();
        return { status: 200, body: { removed } };
      },
    },
  ];
}
