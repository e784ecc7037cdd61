/** The overview shape the traject's query, update result and projection activity carry; built by the domain's `trajectOverzicht`. */
export type { OpenTermijn, TrajectOverzicht } from '@ketenregie/traject-domain';
