import { describe, expect, it } from 'vitest';
import { detectIntent } from './detect-intent.ts';

describe('detectIntent', () => {
  it.each([
    ['create a tool that reverses a string', 'reverses a string'],
    ['Create a tool that counts vowels in a string.', 'counts vowels in a string'],
    ['build a function which converts roman numerals to integers', 'converts roman numerals to integers'],
    ['make a tool to compute the nth fibonacci number', 'compute the nth fibonacci number'],
    ['Write a function that checks whether a year is a leap year?', 'checks whether a year is a leap year'],
    ['generate a tool for converting hex colors to RGB', 'converting hex colors to RGB'],
    ['I need a new tool to parse ISO week dates', 'parse ISO week dates'],
    ['I want a new function that rot13-encodes text', 'rot13-encodes text'],
    ['Please create a new tool that extracts hashtags from a tweet', 'extracts hashtags from a tweet'],
    ['Can you build me a tool that finds the GCD of two numbers', 'finds the GCD of two numbers'],
    ['could you please write a small JavaScript function to pad a string on the left', 'pad a string on the left'],
    ['I need you to make a tool that can sort words alphabetically', 'sort words alphabetically'],
    ["let's create a helper: strips HTML tags", 'strips HTML tags'],
    ['Hi! Please write me a function that capitalizes every other letter', 'capitalizes every other letter'],
    ['Write a new utility that counts lines in a text', 'counts lines in a text'],
  ])('treats %j as a creation request', (request, description) => {
    expect(detectIntent({ request })).toEqual({ intent: 'create', description });
  });

  it('keeps a requested name apart from the description', () => {
    expect(detectIntent({ request: 'create a tool called vowel_count that counts vowels' })).toEqual({
      intent: 'create',
      name: 'vowel_count',
      description: 'counts vowels',
    });
  });

  it('falls back to the whole request when nothing follows the noun', () => {
    expect(detectIntent({ request: 'build a new tool' })).toEqual({ intent: 'create', description: 'build a new tool' });
  });

  it.each([
    'make me a sandwich',
    'what tools can build a website?',
    'What is 15 percent of 300?',
    'make a URL-friendly version of "My First Blog Post!"',
    'generate a clean web address segment from "Café & Bar Menu"',
    'write MAX_RETRY_COUNT in kebab-case',
    'create an SEO friendly path from this headline',
    'which tool should I use to reverse a string?',
    'I need a tool to convert 5 km to miles',
    'how many tools do you have',
    'reverse the string "make a tool"',
    'list the functions you know',
  ])('treats %j as a use request', (request) => {
    expect(detectIntent({ request })).toEqual({ intent: 'use' });
  });
});
