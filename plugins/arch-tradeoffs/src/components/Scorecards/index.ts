export { TeamScorecardsTable } from './TeamScorecardsTable';
export { EntityTeamScorecardCard } from './EntityTeamScorecardCard';
