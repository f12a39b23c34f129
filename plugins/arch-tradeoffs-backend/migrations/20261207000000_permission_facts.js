/*
 * Per-user visibility: each snapshot keeps, for every component and group, the entity as the catalog
 * gave it (without `status`), so that the catalog's permission rules (`catalog.entity.read`
 * conditions such as IS_ENTITY_OWNER or HAS_ANNOTATION) can be applied to the snapshot the routes
 * serve. Rows of snapshots written before this migration have none: under a conditional decision
 * they are hidden (fail closed) until the next refresh replaces them.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('snapshot_components', table => {
    table.text('entity');
  });
  await knex.schema.alterTable('snapshot_groups', table => {
    table.text('entity');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('snapshot_groups', table => {
    table.dropColumn('entity');
  });
  await knex.schema.alterTable('snapshot_components', table => {
    table.dropColumn('entity');
  });
};
