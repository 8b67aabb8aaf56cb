/**
 * The parts of undici that konform uses, loaded from their own modules. undici's index
 * loads every API it offers (fetch, WebSocket, EventSource, caches, mocks): about 40 ms of
 * every start-up for code no run calls. They are undici's own classes, the same objects its
 * index exports (test/http/undici.test.ts), so a layout change in an undici update fails a test.
 */
import { createRequire } from 'node:module';
import type { Agent as UndiciAgent, buildConnector as undiciBuildConnector, Client as UndiciClient } from 'undici';

const require = createRequire(import.meta.url);

export type Agent = UndiciAgent;
export const Agent = require('undici/lib/dispatcher/agent.js') as typeof UndiciAgent;
export const buildConnector = require('undici/lib/core/connect.js') as typeof undiciBuildConnector;
export type Client = UndiciClient;
export const Client = require('undici/lib/dispatcher/client.js') as typeof UndiciClient;
