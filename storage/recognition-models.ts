// Mongoose schemas of recognition, programmes and awards: append-only documents guarded by unique keys.
import { refuseNulInQueries } from './models.ts';
import { Schema, type Connection } from 'mongoose';

const opts = { versionKey: false, _id: false, strict: true } as const;
const str = { type: String, required: true };
const num = { type: Number, required: true };
const mixed = { type: Schema.Types.Mixed, required: true };

const rule = new Schema({ _id: str, ruleId: str, version: num, publisher: str, data: mixed }, opts);
rule.index({ ruleId: 1, version: 1 }, { unique: true });

const programme = new Schema(
  { _id: str, programmeId: str, version: num, institutionId: str, data: mixed },
  opts,
);
programme.index({ programmeId: 1, version: 1 }, { unique: true });
programme.index({ institutionId: 1 });

const request = new Schema(
  { _id: str, learnerId: str, targetInstitutionId: str, data: mixed },
  opts,
);
request.index({ learnerId: 1 });
request.index({ targetInstitutionId: 1 });

const event = new Schema({ _id: str, requestId: str, seq: num, data: mixed }, opts);
event.index({ requestId: 1, seq: 1 }, { unique: true });
event.index({ requestId: 1 });

const application = new Schema(
  {
    _id: str,
    learnerId: str,
    institutionId: str,
    programmeId: str,
    programmeVersion: num,
    data: mixed,
  },
  opts,
);
application.index({ learnerId: 1, programmeId: 1, programmeVersion: 1 }, { unique: true });
application.index({ learnerId: 1 });
application.index({ institutionId: 1 });

const confirmation = new Schema({ _id: str, data: mixed }, opts);

export function registerRecognitionModels(c: Connection) {
  for (const schema of [rule, programme, request, event, application, confirmation])
    refuseNulInQueries(schema);
  return {
    RecognitionRule: c.model('RecognitionRule', rule, 'recognition_rules'),
    Programme: c.model('Programme', programme, 'programmes'),
    RecognitionRequest: c.model('RecognitionRequest', request, 'recognition_requests'),
    RecognitionEvent: c.model('RecognitionEvent', event, 'recognition_events'),
    AwardApplication: c.model('AwardApplication', application, 'award_applications'),
    AwardConfirmation: c.model('AwardConfirmation', confirmation, 'award_confirmations'),
  };
}

export type RecognitionModels = ReturnType<typeof registerRecognitionModels>;
