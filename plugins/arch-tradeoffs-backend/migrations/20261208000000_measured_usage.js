/*
 * Measured usage (Prometheus): each component's flags for the `input` filter and the input-coverage
 * check, and each snapshot's record of the usage source's health. The measurement itself is stored in
 * the component's `record` JSON with its other inputs.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('snapshot_components', table => {
    table.boolean('measured').notNullable().defaultTo(false);
    table.boolean('covered').notNullable().defaultTo(false);
  });
  await knex.schema.alterTable('snapshots', table => {
    table.text('usage').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('snapshot_components', table => {
    table.dropColumn('measured');
    table.dropColumn('covered');
  });
  await knex.schema.alterTable('snapshots', table => {
    table.dropColumn('usage');
  });
};
