import { registerEnumType } from 'type-graphql';

export enum StageCategory {
  OPEN = 'OPEN',
  WON = 'WON',
  LOST = 'LOST',
}
registerEnumType(StageCategory, {
  name: 'StageCategory',
  description: 'OPEN stages are in progress; entering WON or LOST closes a deal.',
});
