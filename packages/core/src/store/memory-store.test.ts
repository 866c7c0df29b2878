import { storeConformanceSuite } from "../testing";
import { createMemoryStore } from "./memory-store";

storeConformanceSuite({ name: "memory", create: async () => createMemoryStore() });
