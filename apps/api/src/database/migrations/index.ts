import { CreateSchema1764300000000 } from './1764300000000-CreateSchema';
import { AddBookingEvents1764400000000 } from './1764400000000-AddBookingEvents';
import { AddLayoutDraftsAndAudit1764500000000 } from './1764500000000-AddLayoutDraftsAndAudit';
import { AddBookingFloor1764600000000 } from './1764600000000-AddBookingFloor';
import { AddFloorBackgrounds1764700000000 } from './1764700000000-AddFloorBackgrounds';
import { AddReceptionAssignments1764800000000 } from './1764800000000-AddReceptionAssignments';
import { AddHomeBuildingAndPublishInfo1796403297896 } from './1796403297896-AddHomeBuildingAndPublishInfo';
import { AddPeopleAdministration1796403774214 } from './1796403774214-AddPeopleAdministration';
import { AddPersonSearchIndex1796404685780 } from './1796404685780-AddPersonSearchIndex';
import { AddSingleSignOn1796405040434 } from './1796405040434-AddSingleSignOn';
import { AddWorkingWeeks1796408491039 } from './1796408491039-AddWorkingWeeks';
import { AddNotificationOutbox1796410000000 } from './1796410000000-AddNotificationOutbox';
import { AddBookingFacts1796411000000 } from './1796411000000-AddBookingFacts';
import { AddInsightRollups1796412000000 } from './1796412000000-AddInsightRollups';
import { MaintainInsightRollups1796413000000 } from './1796413000000-MaintainInsightRollups';
import { AddPersonalDataIndexes1796414000000 } from './1796414000000-AddPersonalDataIndexes';
import { AddFloorSpacesStamp1796415000000 } from './1796415000000-AddFloorSpacesStamp';
import { AddSessionChangeNotices1796416000000 } from './1796416000000-AddSessionChangeNotices';
import { AddBuildingRulesStamp1796417000000 } from './1796417000000-AddBuildingRulesStamp';

/** Listed explicitly (not globbed) so the bundled API and the tests run the very same migrations. */
export const MIGRATIONS = [
  CreateSchema1764300000000,
  AddBookingEvents1764400000000,
  AddLayoutDraftsAndAudit1764500000000,
  AddBookingFloor1764600000000,
  AddFloorBackgrounds1764700000000,
  AddReceptionAssignments1764800000000,
  AddHomeBuildingAndPublishInfo1796403297896,
  AddPeopleAdministration1796403774214,
  AddPersonSearchIndex1796404685780,
  AddSingleSignOn1796405040434,
  AddWorkingWeeks1796408491039,
  AddNotificationOutbox1796410000000,
  AddBookingFacts1796411000000,
  AddInsightRollups1796412000000,
  MaintainInsightRollups1796413000000,
  AddPersonalDataIndexes1796414000000,
  AddFloorSpacesStamp1796415000000,
  AddSessionChangeNotices1796416000000,
  AddBuildingRulesStamp1796417000000,
];
