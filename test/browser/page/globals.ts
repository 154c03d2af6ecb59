/**
 * Obsidian's DOM helpers (`createDiv`, `el.setText`, `el.addClass`, ...) and globals, installed
 * before any other module of the page runs (first import of main.ts).
 */
import { setup } from "obsidian-test-mocks/setup";

setup();
