/*
 * One truth per snapshot: each snapshot is stamped with the fingerprint of the plugin version and the
 * configuration it was computed with (prices, defaults, inference, weights, drift factor). A replica
 * serves only snapshots with its own fingerprint, so records derived on read always agree with the
 * figures stored at refresh. `rows_pruned` marks snapshots whose component rows pruning deleted
 * (the snapshot row stays for its history until the retention cutoff).
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('snapshots', table => {
    table.string('fingerprint', 64).nullable();
    table.boolean('rows_pruned').notNullable().defaultTo(false);
  });
  const kept = knex('snapshot_components').distinct('snapshot_id');
  await knex('snapshots').whereNotIn('id', kept).update({ rows_pruned: true });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('snapshots', table => {
    table.dropColumn('fingerprint');
    table.dropColumn('rows_pruned');
  });
};
