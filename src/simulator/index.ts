/**
 * zego-status-kit/simulator: a fake ZEGO engine that replays the seed timelines (next slice).
 */
export {};
