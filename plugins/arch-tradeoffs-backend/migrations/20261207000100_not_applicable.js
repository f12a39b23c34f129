/*
 * Components whose `spec.type` is not a deployed workload (a library, documentation, a template) are
 * kept in a snapshot but not priced nor counted in any score; the index reads this flag.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('snapshot_components', table => {
    table.boolean('not_applicable').notNullable().defaultTo(false);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('snapshot_components', table => {
    table.dropColumn('not_applicable');
  });
};
