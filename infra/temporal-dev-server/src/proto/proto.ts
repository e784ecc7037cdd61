import * as fs from 'node:fs';
import * as path from 'node:path';
import * as protobuf from 'protobufjs';
import type { ServiceDefinition, MethodDefinition } from '@grpc/grpc-js';

/** Plain protobuf message as seen by the server: snake_case keys, enum names as strings, int64 as number. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Msg = Record<string, any>;

const PROTO_ROOT = path.join(path.dirname(require.resolve('@temporalio/core-bridge/package.json')), 'sdk-core/crates/protos/protos');
const INCLUDE_DIRS = [path.join(PROTO_ROOT, 'api_upstream'), path.join(PROTO_ROOT, 'testsrv_upstream'), PROTO_ROOT];

const CONVERSION: protobuf.IConversionOptions = { enums: String, longs: Number, defaults: false, oneofs: true };

let loadedRoot: protobuf.Root | undefined;

/** The protobuf root holding Temporal's workflow, operator and test service APIs (loaded once). */
export function protoRoot(): protobuf.Root {
  if (loadedRoot) return loadedRoot;
  const root = new protobuf.Root();
  root.resolvePath = (origin, target) => {
    for (const dir of INCLUDE_DIRS) {
      const candidate = path.join(dir, target);
      if (fs.existsSync(candidate)) return candidate;
    }
    return protobuf.util.path.resolve(origin, target);
  };
  root.loadSync(
    [
      'temporal/api/workflowservice/v1/service.proto',
      'temporal/api/operatorservice/v1/service.proto',
      'temporal/api/testservice/v1/service.proto',
      'temporal/api/errordetails/v1/message.proto',
      'google/rpc/status.proto',
    ],
    { keepCase: true },
  );
  root.resolveAll();
  loadedRoot = root;
  return root;
}

function messageType(fullName: string): protobuf.Type {
  return protoRoot().lookupType(fullName);
}

/** Encodes a plain message of the given fully-qualified type. */
export function encodeMessage(fullName: string, value: Msg): Buffer {
  const type = messageType(fullName);
  return Buffer.from(type.encode(type.fromObject(value)).finish());
}

/** Decodes bytes of the given fully-qualified type into a plain message. */
export function decodeMessage(fullName: string, bytes: Uint8Array): Msg {
  const type = messageType(fullName);
  return type.toObject(type.decode(bytes), CONVERSION);
}

/** Packs a message into a `google.protobuf.Any`. */
export function packAny(fullName: string, value: Msg): Msg {
  return { type_url: `type.googleapis.com/${fullName}`, value: encodeMessage(fullName, value) };
}

/** Unpacks a `google.protobuf.Any`, returning its type name and decoded body. */
export function unpackAny(any: Msg | undefined): { typeName: string; body: Msg } | undefined {
  if (!any?.type_url) return undefined;
  const typeName = String(any.type_url).replace(/^.*\//, '');
  return { typeName, body: decodeMessage(typeName, any.value ?? Buffer.alloc(0)) };
}

/** Builds a grpc-js service definition for a service declared in the loaded protos. */
export function serviceDefinition(fullName: string): ServiceDefinition {
  const service = protoRoot().lookupService(fullName);
  const definition: Record<string, MethodDefinition<Msg, Msg>> = {};
  for (const method of Object.values(service.methods)) {
    method.resolve();
    const requestType = method.resolvedRequestType as protobuf.Type;
    const responseType = method.resolvedResponseType as protobuf.Type;
    const historyField =
      responseType.fields['history']?.resolvedType?.fullName === '.temporal.api.history.v1.History' ? responseType.fields['history'].id : undefined;
    definition[method.name] = {
      path: `/${fullName}/${method.name}`,
      requestStream: false,
      responseStream: false,
      requestSerialize: (value: Msg) => Buffer.from(requestType.encode(requestType.fromObject(value)).finish()),
      requestDeserialize: (bytes: Buffer) => requestType.toObject(requestType.decode(bytes), CONVERSION),
      responseSerialize: historyField
        ? (value: Msg) => serializeWithHistory(responseType, historyField, value)
        : (value: Msg) => Buffer.from(responseType.encode(responseType.fromObject(value)).finish()),
      responseDeserialize: (bytes: Buffer) => responseType.toObject(responseType.decode(bytes), CONVERSION),
      originalName: method.name,
    };
  }
  return definition as ServiceDefinition;
}

const encodedEvents = new WeakMap<Msg, Buffer>();

/** Encoded bytes of a history event; events are immutable once written, so the bytes are cached. */
export function encodeHistoryEvent(event: Msg): Buffer {
  let bytes = encodedEvents.get(event);
  if (!bytes) {
    bytes = encodeMessage('temporal.api.history.v1.HistoryEvent', event);
    encodedEvents.set(event, bytes);
  }
  return bytes;
}

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

function lengthDelimited(fieldNumber: number, body: Buffer): Buffer[] {
  return [varint((fieldNumber << 3) | 2), varint(body.length), body];
}

/** Encodes a response carrying a `History`, reusing the cached bytes of its events. */
function serializeWithHistory(type: protobuf.Type, historyField: number, value: Msg): Buffer {
  const events: Msg[] | undefined = value.history?.events;
  if (!events || events.length === 0) return Buffer.from(type.encode(type.fromObject(value)).finish());
  const rest = Buffer.from(type.encode(type.fromObject({ ...value, history: undefined })).finish());
  const history = Buffer.concat(events.flatMap((event) => lengthDelimited(1, encodeHistoryEvent(event))));
  return Buffer.concat([rest, ...lengthDelimited(historyField, history)]);
}

/** Names of all RPCs of a service. */
export function serviceMethods(fullName: string): string[] {
  return Object.keys(protoRoot().lookupService(fullName).methods);
}

/** `google.protobuf.Timestamp` from epoch milliseconds. */
export function timestamp(ms: number): Msg {
  const seconds = Math.floor(ms / 1000);
  return { seconds, nanos: Math.round((ms - seconds * 1000) * 1e6) };
}

/** Epoch milliseconds from a `google.protobuf.Timestamp`. */
export function fromTimestamp(ts: Msg | undefined | null): number | undefined {
  if (!ts) return undefined;
  return Number(ts.seconds ?? 0) * 1000 + Math.floor(Number(ts.nanos ?? 0) / 1e6);
}

/** `google.protobuf.Duration` from milliseconds. */
export function duration(ms: number): Msg {
  const seconds = Math.floor(ms / 1000);
  return { seconds, nanos: Math.round((ms - seconds * 1000) * 1e6) };
}

/** Milliseconds from a `google.protobuf.Duration` (0 when absent). */
export function fromDuration(d: Msg | undefined | null): number {
  if (!d) return 0;
  return Number(d.seconds ?? 0) * 1000 + Math.floor(Number(d.nanos ?? 0) / 1e6);
}
