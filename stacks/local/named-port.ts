// The pieces the local components' inputs are made of, as zod schemas: each
// component declares its inputs once (postgres-ha.ts …), its constructor's
// args are their type, and `drill env up` validates the inputs it reads back
// from the resource graph with the same schemas (runners/env/declaration.ts).
import { z } from "zod";

/** A TCP port, 1–65535. */
export const Port = z.number().int().min(1).max(65535);

/** A positive whole number of milliseconds. */
export const Ms = z.number().int().positive();

/** A node or instance and the loopback port it listens on; the name is a plan node name (lowercase, digits, dashes). */
export const NamedPort = z.object({ name: z.string().regex(/^[a-z0-9-]+$/), port: Port });
export type NamedPort = z.infer<typeof NamedPort>;
