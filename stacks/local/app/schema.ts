// The orders table the web app writes to. `drill env up` applies it (idempotent)
// on the primary; the app itself never changes the schema.
export const ORDERS_DDL = `
create table if not exists orders (
  id bigserial primary key,
  ref text not null unique,
  payload text not null,
  created_at timestamptz not null default now()
)`;
